package org.cfmr.core.baseline;

import java.util.concurrent.atomic.AtomicInteger;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.runtime.Workers;

/**
 * Fits {@link Baseline} in memory by alternating closed-form updates, Surprise's
 * {@code baseline_als} order: all biases start at 0; each epoch first sets every
 * {@code b_i = Σ_{u∈U_i} (r_ui − μ − b_u) / (λ_i + |U_i|)} from the current user biases, then
 * every {@code b_u = Σ_{i∈I_u} (r_ui − μ − b_i) / (λ_u + |I_u|)} from the new item biases
 * ({@link BiasUpdate}). Entities are updated in blocks on {@code threads} threads; each entity's
 * sum is exact, so the result has the same bits for any number of threads and equals the
 * MapReduce step's.
 */
public final class BaselineFit {
  private static final int BLOCK = 256;

  private BaselineFit() {}

  public static Baseline fit(TrainData train, BaselineSettings settings, int threads) {
    long mu = FixedPointStars.of(train.globalMean());
    long[] userBias = new long[train.users()];
    long[] itemBias = new long[train.items()];
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      parallel(threads, train.items(), item -> {
        long sum = 0;
        for (int at = train.itemStart(item); at < train.itemStart(item + 1); at++) {
          sum = BiasUpdate.add(sum, BiasUpdate.residual(train.itemHalfStarsAt(at), mu,
              userBias[train.raterAt(at)]));
        }
        itemBias[item] = BiasUpdate.bias(sum, train.itemStart(item + 1) - train.itemStart(item),
            settings.itemRegularisation());
      });
      parallel(threads, train.users(), user -> {
        long sum = 0;
        for (int at = train.userStart(user); at < train.userStart(user + 1); at++) {
          sum = BiasUpdate.add(sum, BiasUpdate.residual(train.halfStarsAt(at), mu,
              itemBias[train.itemAt(at)]));
        }
        userBias[user] = BiasUpdate.bias(sum, train.userStart(user + 1) - train.userStart(user),
            settings.userRegularisation());
      });
    }
    return new Baseline(mu, train.userIds(), userBias, train.itemIds(), itemBias);
  }

  private interface Update {
    void of(int entity);
  }

  /** Runs {@code update} for entities 0..count-1, blocks handed out in order to the threads. */
  private static void parallel(int threads, int count, Update update) {
    AtomicInteger next = new AtomicInteger();
    Workers.runCopies(Math.max(1, Math.min(threads, count / BLOCK + 1)), () -> {
      for (int from = next.getAndAdd(BLOCK); from < count; from = next.getAndAdd(BLOCK)) {
        for (int entity = from; entity < Math.min(count, from + BLOCK); entity++) {
          update.of(entity);
        }
      }
    });
  }
}
