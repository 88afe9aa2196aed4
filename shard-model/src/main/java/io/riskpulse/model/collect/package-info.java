/**
 * Collections shaped for state that a portfolio entity keeps for minutes while new entries arrive at the rate of
 * orders and fills: they allocate nothing per entry and give the garbage collector nothing to scan per entry
 * (see {@link io.riskpulse.model.collect.BoundedInsertionMap}); the execution-id window keeps no object per id at all
 * ({@link io.riskpulse.model.collect.BoundedIdRing}).
 */
package io.riskpulse.model.collect;
