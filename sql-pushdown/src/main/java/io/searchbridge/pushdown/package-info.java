/**
 * Translation of Spark's connector expressions (predicates, aggregations, sort orders) into an
 * Elasticsearch query specification. Pure functions: no I/O and no session.
 */
package io.searchbridge.pushdown;
