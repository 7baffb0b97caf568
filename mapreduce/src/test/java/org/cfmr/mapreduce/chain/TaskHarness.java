package org.cfmr.mapreduce.chain;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.MapContext;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.ReduceContext;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.map.WrappedMapper;
import org.apache.hadoop.mapreduce.lib.reduce.WrappedReducer;

/**
 * Runs one mapper, combiner or reducer over hand-made records in this JVM, without a job: its
 * context is a stand-in that feeds the given input, copies every record written, and keeps the
 * counters. (MRUnit did this; it is retired.)
 */
final class TaskHarness {
  /** One record written by the task under test. */
  record Record<K, V>(K key, V value) {}

  final Configuration conf;
  final Counters counters = new Counters();
  InputSplit split;

  TaskHarness(Configuration conf) {
    this.conf = conf;
  }

  long counter(Enum<?> name) {
    return counters.findCounter(name).getValue();
  }

  /** Runs {@code mapper} (setup, map per record, cleanup) over {@code input}. */
  <KI, VI, KO, VO> List<Record<KO, VO>> map(Mapper<KI, VI, KO, VO> mapper, List<Record<KI, VI>> input)
      throws IOException, InterruptedException {
    List<Record<KO, VO>> output = new ArrayList<>();
    Iterator<Record<KI, VI>> records = input.iterator();
    Object[] current = new Object[1];
    @SuppressWarnings("unchecked")
    MapContext<KI, VI, KO, VO> context = proxy(MapContext.class, output, (name, args) -> switch (name) {
      case "nextKeyValue" -> {
        boolean more = records.hasNext();
        current[0] = more ? records.next() : null;
        yield more;
      }
      case "getCurrentKey" -> ((Record<?, ?>) current[0]).key();
      case "getCurrentValue" -> ((Record<?, ?>) current[0]).value();
      default -> NOT_HANDLED;
    });
    mapper.run(new WrappedMapper<KI, VI, KO, VO>().getMapContext(context));
    return output;
  }

  /** Runs {@code reducer} (a reducer or a combiner) over {@code groups}, in the order given. */
  <KI, VI, KO, VO> List<Record<KO, VO>> reduce(Reducer<KI, VI, KO, VO> reducer,
      List<Map.Entry<KI, List<VI>>> groups) throws IOException, InterruptedException {
    List<Record<KO, VO>> output = new ArrayList<>();
    Iterator<Map.Entry<KI, List<VI>>> keys = groups.iterator();
    Object[] current = new Object[1];
    @SuppressWarnings("unchecked")
    ReduceContext<KI, VI, KO, VO> context = proxy(ReduceContext.class, output, (name, args) -> switch (name) {
      case "nextKey" -> {
        boolean more = keys.hasNext();
        current[0] = more ? keys.next() : null;
        yield more;
      }
      case "getCurrentKey" -> ((Map.Entry<?, ?>) current[0]).getKey();
      case "getValues" -> ((Map.Entry<?, ?>) current[0]).getValue();
      default -> NOT_HANDLED;
    });
    reducer.run(new WrappedReducer<KI, VI, KO, VO>().getReducerContext(context));
    return output;
  }

  private static final Object NOT_HANDLED = new Object();

  private interface Handler {
    Object handle(String method, Object[] args) throws Exception;
  }

  private <T> T proxy(Class<T> type, List<?> output, Handler specific) {
    TaskAttemptID attempt = new TaskAttemptID("harness", 1, org.apache.hadoop.mapreduce.TaskType.REDUCE, 0, 0);
    InvocationHandler handler = (self, method, args) -> {
      Object answer = specific.handle(method.getName(), args);
      if (answer != NOT_HANDLED) {
        return answer;
      }
      return switch (method.getName()) {
        case "write" -> {
          @SuppressWarnings("unchecked")
          List<Object> out = (List<Object>) output;
          out.add(new Record<>(copy(args[0]), copy(args[1])));
          yield null;
        }
        case "getConfiguration" -> conf;
        case "getCounter" -> args.length == 1
            ? counters.findCounter((Enum<?>) args[0])
            : counters.findCounter((String) args[0], (String) args[1]);
        case "getInputSplit" -> split;
        case "getTaskAttemptID" -> attempt;
        case "getJobName" -> "harness";
        default -> defaultValue(method);
      };
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private Object copy(Object value) {
    if (value instanceof NullWritable || !(value instanceof Writable)) {
      return value;
    }
    return WritableUtils.clone((Writable) value, conf);
  }

  private static Object defaultValue(Method method) {
    Class<?> type = method.getReturnType();
    if (type == boolean.class) return false;
    if (type == int.class) return 0;
    if (type == long.class) return 0L;
    if (type == float.class) return 0f;
    if (type == double.class) return 0d;
    return null;
  }
}
