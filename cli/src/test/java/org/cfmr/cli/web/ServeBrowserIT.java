package org.cfmr.cli.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in a real headless browser (Debian's chromium and chromedriver, which .ci/run
 * installs): the built {@code bin/cfmr serve} (so Javalin's relocated Jetty 11 runs beside
 * Hadoop's Jetty 9.4 on bin/cfmr's classpath) over the database loaded from a pipeline run with
 * ALS. Opens the home page, picks a user and sees the three lists (user-based, item-based, ALS),
 * opens a recommendation's movie page, rates three movies as a new user and sees recommendations
 * appear, rates as user 1, and opens the Runs and Dataset pages. Screenshots go to
 * {@code cli/target/screenshots/}.
 */
class ServeBrowserIT {
  private static final Path ROOT = SharedData.projectRoot();
  private static final Path SCREENSHOTS = ROOT.resolve("cli/target/screenshots");
  private static Path output;
  private static Process serve;
  private static String base;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    ServedDatabase database = ServedDatabase.get();
    output = database.output;
    Path log = Files.createTempFile("cfmr-serve-", ".log");
    ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("bin/cfmr").toString(),
        "serve", "--jdbc-url", database.url, "--user", database.user, "--port", "0")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("CFMR_DB_PASSWORD", database.password);
    builder.environment().put("CFMR_JAVA_OPTS", "-Xmx512m");
    builder.environment().remove("TMDB_API_KEY");
    serve = builder.start();
    Pattern address = Pattern.compile("cfmr serve: (http://\\S+/) ");
    for (int waited = 0; base == null; waited++) {
      Matcher found = address.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (found.find()) {
        base = found.group(1);
      } else {
        assertTrue(serve.isAlive() && waited < 600, "bin/cfmr serve did not start:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
        Thread.sleep(100);
      }
    }
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-gpu", "--window-size=1400,1000");
    browser = new ChromeDriver(options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    browser.manage().window().setSize(new Dimension(1400, 1000));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (serve != null) {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static void screenshot(String name) throws Exception {
    Files.write(SCREENSHOTS.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Clicks something that loads a new page and waits until the old page is gone: a click can
   * return before the navigation it starts, and the next lookup would then find the old page's
   * elements (a stale element, seen after a form submit).
   */
  private static void clickToNewPage(WebElement element) {
    WebElement oldPage = browser.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> gone(oldPage));
  }

  /**
   * Whether {@code element} has left the document. ChromeDriver says so with a stale element
   * error, or, when the page is swapped during the call, with an "unknown error" that the node
   * "does not belong to the document".
   */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** The title of the user's first movie in recommendations_als.csv. */
  private static String firstAlsTitle(int user) throws Exception {
    String first = Files.readAllLines(output.resolve(PipelineFiles.ALS_RECOMMENDATIONS)).stream()
        .filter(line -> line.startsWith(user + ",")).findFirst().orElseThrow();
    return BundledMovie.title(Integer.parseInt(first.split(",")[1]));
  }

  @Test
  void aVisitorPicksAUserOpensARecommendationAndRatesAsANewUser() throws Exception {
    browser.get(base);
    assertEquals("Pick a user · cfmr", browser.getTitle());
    screenshot("home");

    browser.findElement(By.id("user-id")).sendKeys("1");
    clickToNewPage(browser.findElement(By.id("open-user")));
    assertEquals("User 1", browser.findElement(By.tagName("h1")).getText());
    assertEquals(30, browser.findElements(By.cssSelector("#user-based tr[data-movie]")).size());
    assertEquals(30, browser.findElements(By.cssSelector("#item-based tr[data-movie]")).size());
    assertEquals("Recommended by ALS", browser.findElement(By.cssSelector("#als h2")).getText());
    assertEquals(30, browser.findElements(By.cssSelector("#als tr[data-movie]")).size());
    assertEquals(firstAlsTitle(1),
        browser.findElement(By.cssSelector("#als tr[data-movie] td a")).getText());
    screenshot("dashboard");

    WebElement recommendation = browser.findElement(By.cssSelector("#item-based tr[data-movie] td a"));
    String title = recommendation.getText();
    clickToNewPage(recommendation);
    assertEquals(title, browser.findElement(By.id("title")).getText());
    assertFalse(browser.findElements(By.cssSelector("#similar-movies tr[data-movie]")).isEmpty());
    screenshot("movie");

    browser.get(base);
    clickToNewPage(browser.findElement(By.id("start-new-user")));
    assertEquals("New user", browser.findElement(By.tagName("h1")).getText());
    assertTrue(browser.findElement(By.id("new-user-recommendations")).getText()
        .contains("Rate movies to see recommendations."));
    List<String> stars = List.of("5", "4.5", "1");
    for (int i = 0; i < stars.size(); i++) {
      WebElement form = browser.findElements(By.cssSelector("form.rate")).get(i);
      new Select(form.findElement(By.name("rating"))).selectByValue(stars.get(i));
      clickToNewPage(form.findElement(By.cssSelector("button")));
    }
    assertEquals(3, browser.findElements(By.cssSelector("#your-ratings tr[data-movie]")).size());
    assertEquals(30, browser.findElements(
        By.cssSelector("#new-user-recommendations tr[data-movie]")).size());
    screenshot("new-user");
  }

  /** User 1 rates a recommendation from their dashboard and sees it among their ratings. */
  @Test
  void aMovieLensUserRatesFromTheirDashboard() throws Exception {
    try {
      browser.get(base + "users/1");
      WebElement first = browser.findElement(By.cssSelector("#item-based tr[data-movie]"));
      String movie = first.getAttribute("data-movie");
      new Select(first.findElement(By.name("rating"))).selectByValue("4.5");
      clickToNewPage(first.findElement(By.cssSelector("form.rate button")));
      assertEquals("User 1", browser.findElement(By.tagName("h1")).getText());
      WebElement rated = browser.findElement(By.cssSelector("#rated-here tr[data-movie='" + movie + "']"));
      assertTrue(rated.getText().endsWith("4.5"), rated.getText());
      assertTrue(browser.findElements(By.cssSelector("#item-based tr[data-movie='" + movie + "']"))
          .isEmpty(), "a rated movie is no longer recommended");
      assertEquals(30, browser.findElements(By.cssSelector("#item-based tr[data-movie]")).size());
      screenshot("rated-here");
    } finally {
      ServedDatabase.get().execute("DELETE FROM web_user_ratings WHERE user_id = 1");
    }
  }

  /**
   * The run's report.html opens from its folder, without a server: the metrics table with the
   * baselines' rows and ALS's, and every chart drawn at a readable size.
   */
  @Test
  void theRunReportOpensFromItsFolder() throws Exception {
    browser.get(output.resolve(PipelineFiles.REPORT).toUri().toString());
    assertEquals("Metrics", browser.findElement(By.cssSelector("#metrics h2")).getText());
    List<String> models = browser.findElements(By.cssSelector("#metrics tbody tr td:nth-child(2)"))
        .stream().map(WebElement::getText).toList();
    assertTrue(models.containsAll(List.of("global mean", "baseline")), models.toString());
    assertTrue(models.stream().anyMatch(model -> model.startsWith("ALS")), models.toString());
    List<WebElement> charts = browser.findElements(By.cssSelector("figure svg"));
    assertEquals(7, charts.size(), "two run charts and five dataset charts");
    for (WebElement chart : charts) {
      assertTrue(chart.getSize().getWidth() >= 400, "a chart is drawn " + chart.getSize());
    }
    screenshot("report");
  }

  /** The Runs page lists the loaded run; the Dataset page draws its five charts. */
  @Test
  void theRunsAndDatasetPagesShowTheLoadedRun() throws Exception {
    browser.get(base);
    clickToNewPage(browser.findElement(By.linkText("Runs")));
    List<WebElement> runs = browser.findElements(By.cssSelector("#runs tr[data-run]"));
    assertFalse(runs.isEmpty());
    assertTrue(runs.get(0).getText().contains("current"), runs.get(0).getText());
    String run = runs.get(0).getAttribute("data-run");
    browser.findElement(By.cssSelector("#runs tr[data-run='" + run + "'] input[name=a]")).click();
    browser.findElement(By.cssSelector("#runs tr[data-run='" + run + "'] input[name=b]")).click();
    clickToNewPage(browser.findElement(By.id("compare")));
    List<WebElement> models = browser.findElements(By.cssSelector("#compared-metrics tr[data-model]"));
    assertTrue(models.stream().map(row -> row.getAttribute("data-model")).toList()
        .containsAll(List.of("global mean", "baseline", "user-based", "item-based")));
    screenshot("runs");

    clickToNewPage(browser.findElement(By.linkText("Dataset")));
    List<WebElement> charts = browser.findElements(By.cssSelector("figure svg"));
    assertEquals(5, charts.size());
    for (WebElement chart : charts) {
      assertTrue(chart.getSize().getWidth() >= 400, "a chart is drawn " + chart.getSize());
    }
    screenshot("dataset");
  }
}
