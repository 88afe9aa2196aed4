package io.riskpulse.model.risk.measure;

/**
 * Partial selection of the {@code m} largest losses of a P&amp;L vector into a bounded binary min-heap held in a
 * caller's scratch array: after {@link #collect}, {@code heap[0]} is the {@code m}-th largest loss and
 * {@code heap[0..m)} are the {@code m} largest. Stateless; no allocation.
 *
 * <p>Why a heap rather than quickselect: VaR and ES only need the tail ({@code m = n - k + 1}, 6 of 500
 * scenarios at 99%), so one pass that compares each loss with the heap's minimum (a branch that is almost always
 * not taken) costs O(n + m log m log(n/m)) on average and O(n log m) at worst, versus quickselect's unpredictable
 * partitioning branches over the whole vector and its O(n&sup2;) worst case. The same pass gives VaR and ES.
 */
final class TailHeap {

  private TailHeap() {}

  /**
   * Fills {@code heap[0..m)} with the {@code m} largest of the losses {@code -pnl[0..n)}, min at {@code heap[0]}.
   *
   * @param m in {@code 1..n}
   * @return false when a loss is NaN (the heap content is then meaningless)
   */
  static boolean collect(double[] pnl, int n, int m, double[] heap) {
    boolean finite = true;
    for (int s = 0; s < m; s++) {
      double loss = -pnl[s];
      finite &= loss == loss;
      heap[s] = loss;
      siftUp(heap, s);
    }
    double min = heap[0];
    for (int s = m; s < n; s++) {
      double loss = -pnl[s];
      finite &= loss == loss;
      if (loss > min) {
        heap[0] = loss;
        siftDown(heap, m);
        min = heap[0];
      }
    }
    return finite;
  }

  /** Sum of {@code heap[0..m)}. */
  static double sum(double[] heap, int m) {
    double sum = 0;
    for (int i = 0; i < m; i++) {
      sum += heap[i];
    }
    return sum;
  }

  private static void siftUp(double[] heap, int index) {
    double value = heap[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (heap[parent] <= value) {
        break;
      }
      heap[index] = heap[parent];
      index = parent;
    }
    heap[index] = value;
  }

  private static void siftDown(double[] heap, int size) {
    double value = heap[0];
    int index = 0;
    int child;
    while ((child = 2 * index + 1) < size) {
      if (child + 1 < size && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= value) {
        break;
      }
      heap[index] = heap[child];
      index = child;
    }
    heap[index] = value;
  }
}
