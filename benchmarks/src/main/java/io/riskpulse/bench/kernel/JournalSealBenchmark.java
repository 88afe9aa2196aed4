package io.riskpulse.bench.kernel;

import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.journal.ChainedEvent;
import io.riskpulse.model.journal.HashChain;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioEvent.ExecutionApplied;
import io.riskpulse.model.portfolio.Side;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the hash chain adds to journaling one fill: the journal's serialization of an {@code ExecutionApplied}
 * as it was ({@link #serializeEvent}, the baseline) against sealing it into the chain (serialize, SHA-256) and
 * serializing the sealed form ({@link #sealAndSerialize}), which is what the journal writes now.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JournalSealBenchmark {

  private ActorSystem<Void> system;
  private Serialization serialization;
  private HashChain chain;
  private ExecutionApplied event;

  @Setup(Level.Trial)
  public void setUp() {
    system = ActorSystem.create(Behaviors.empty(), "seal-bench", ConfigFactory.parseString(
        "pekko.actor.provider = local\npekko.loglevel = WARNING").withFallback(ConfigFactory.load()));
    serialization = SerializationExtension.get(system.classicSystem());
    chain = new HashChain("Portfolio|P1", serialization);
    event = new ExecutionApplied(new Execution("E-20261126-000001", "P1", "momentum", "AAPL", Side.BUY, 100,
        189.25, 1_764_151_200_000L), "USD", 1_764_151_200_123L);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    system.terminate();
  }

  @Benchmark
  public byte[] serializeEvent() {
    return serialization.serialize(event).get();
  }

  @Benchmark
  public byte[] sealAndSerialize() {
    ChainedEvent sealed = chain.seal(event);
    return serialization.serialize(sealed).get();
  }
}
