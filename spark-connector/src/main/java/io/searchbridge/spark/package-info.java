/** Spark DataSource V2, RDD API and streaming sink over the connector core. */
package io.searchbridge.spark;
