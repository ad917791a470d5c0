/** The README's main job. */
package io.searchbridge.demo;
