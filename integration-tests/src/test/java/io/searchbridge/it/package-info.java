/** End-to-end tests against a real Elasticsearch. */
package io.searchbridge.it;
