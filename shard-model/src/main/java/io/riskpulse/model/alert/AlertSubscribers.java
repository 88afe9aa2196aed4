package io.riskpulse.model.alert;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * How in-process code on any node receives the alert book's {@link AlertNotification}s: each subscription is a
 * small actor with its own instance of the distributed pub-sub topic {@link AlertBook#TOPIC_NAME}.
 *
 * <p>Guarantees are the topic's: at most once, in order from the book to one subscriber. A subscription made
 * moments before a change may miss it (the topic instances learn of each other through the receptionist, within
 * about a second); the book ({@link AlertClient#incidents}) is the record to reconcile with.
 *
 * <p>Per node or per cluster: {@link #subscribe} delivers on this node (a UI stream, a test probe); every node
 * that subscribes gets every notification. {@link #subscribeOncePerCluster} runs the listener as a cluster
 * singleton, so a side effect with the outside world (a log line, a webhook call) happens once per notification
 * in the cluster, not once per node.
 *
 * <p>Thread-safe.
 */
public final class AlertSubscribers {

  private AlertSubscribers() {}

  /**
   * Calls {@code listener} with every notification this node receives, until the subscription is closed.
   *
   * @param name unique among this node's subscriptions (names the subscriber actor)
   */
  public static AlertSubscription subscribe(ActorSystem<?> system, String name, AlertListener listener) {
    return handle(system.systemActorOf(listening(listener), name, Props.empty()));
  }

  /**
   * Sends every notification this node receives to {@code subscriber} (an actor of any node's code, a test
   * probe), until the subscription is closed or the subscriber stops.
   *
   * @param name unique among this node's subscriptions
   */
  public static AlertSubscription subscribe(ActorSystem<?> system, String name,
      ActorRef<AlertNotification> subscriber) {
    return handle(system.systemActorOf(forwarding(subscriber), name, Props.empty()));
  }

  /**
   * Runs {@code listener} as the cluster singleton {@code name}: every node that may host it calls this with the
   * same name and an equivalent listener; the one on the oldest node receives. When that node leaves, the
   * singleton moves and notifications published during the hand-over are lost (at most once).
   */
  public static void subscribeOncePerCluster(ActorSystem<?> system, String name, AlertListener listener) {
    ClusterSingleton.get(system).init(SingletonActor.of(
        Behaviors.supervise(listening(listener)).onFailure(SupervisorStrategy.restart()), name));
  }

  private static AlertSubscription handle(ActorRef<Message> actor) {
    return () -> actor.tell(Stop.INSTANCE);
  }

  /** The subscriber's protocol. Node-local: never crosses a node boundary, so never serialized. */
  private interface Message {}

  private enum Stop implements Message {
    INSTANCE
  }

  private record Deliver(AlertNotification notification) implements Message {}

  private static Behavior<Message> listening(AlertListener listener) {
    return Behaviors.setup(context -> {
      ActorRef<Topic.Command<AlertNotification>> topic = topic(context);
      topic.tell(Topic.subscribe(context.messageAdapter(AlertNotification.class, Deliver::new)));
      return Behaviors.receive(Message.class)
          .onMessage(Deliver.class, deliver -> {
            try {
              listener.onAlert(deliver.notification());
            } catch (RuntimeException e) {
              context.getLog().warn("Alert listener {} failed on {}", context.getSelf().path().name(),
                  deliver.notification().notificationId(), e);
            }
            return Behaviors.same();
          })
          .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
          .build();
    });
  }

  private static Behavior<Message> forwarding(ActorRef<AlertNotification> subscriber) {
    return Behaviors.setup(context -> {
      ActorRef<Topic.Command<AlertNotification>> topic = topic(context);
      topic.tell(Topic.subscribe(subscriber));
      return Behaviors.receive(Message.class)
          .onMessageEquals(Stop.INSTANCE, () -> {
            topic.tell(Topic.unsubscribe(subscriber));
            return Behaviors.stopped();
          })
          .build();
    });
  }

  private static ActorRef<Topic.Command<AlertNotification>> topic(ActorContext<Message> context) {
    return context.spawn(Topic.create(AlertNotification.class, AlertBook.TOPIC_NAME), "topic");
  }
}
