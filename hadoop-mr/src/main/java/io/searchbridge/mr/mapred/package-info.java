/**
 * Thin adapters for the old {@code org.apache.hadoop.mapred} API (Hive's storage handlers, old
 * jobs) over the same readers and writers as the primary {@code mapreduce} classes.
 */
package io.searchbridge.mr.mapred;
