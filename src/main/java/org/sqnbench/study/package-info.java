/**
 * The study's facts in one place: the methods (names, default steps, MB-LBFGS defaults), the networks (n, FLOPs
 * per sample), the chart identities, the source study's figures, the traffic model, the benchmark names and the
 * conditions map's grid. Both the benchmarks and the report use it, so it depends on the JDK only: no ND4J, JMH,
 * XChart or other project package.
 */
package org.sqnbench.study;
