package io.searchbridge.pushdown;

/** @param sortJson the search request's {@code "sort"} array */
public record PushedSort(String sortJson) {}
