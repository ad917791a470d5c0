/** MapReduce input and output formats over the connector core. */
package io.searchbridge.mr;
