package org.cfmr.core.baseline;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.Workers;

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
    Side items = new Side(train.items(), train::itemStart, train::itemHalfStarsAt,
        train::raterAt);
    Side users = new Side(train.users(), train::userStart, train::halfStarsAt, train::itemAt);
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      items.update(itemBias, userBias, mu, settings.itemRegularisation(), threads);
      users.update(userBias, itemBias, mu, settings.userRegularisation(), threads);
    }
    return new Baseline(mu, train.userIds(), userBias, train.itemIds(), itemBias);
  }

  /**
   * One side of the train matrix: its {@code size} entities, where each one's ratings start in
   * the side's order ({@code start}), each rating's half stars and the other side's entity.
   */
  private record Side(int size, IntUnaryOperator start, IntUnaryOperator halfStars,
      IntUnaryOperator other) {

    /** Sets every {@code bias} of this side from the {@code otherBias} of the other side. */
    void update(long[] bias, long[] otherBias, long mu, double regularisation, int threads) {
      parallel(threads, size, entity -> {
        long sum = 0;
        int end = start.applyAsInt(entity + 1);
        for (int at = start.applyAsInt(entity); at < end; at++) {
          sum = BiasUpdate.add(sum, BiasUpdate.residual(halfStars.applyAsInt(at), mu,
              otherBias[other.applyAsInt(at)]));
        }
        bias[entity] = BiasUpdate.bias(sum, end - start.applyAsInt(entity), regularisation);
      });
    }
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
