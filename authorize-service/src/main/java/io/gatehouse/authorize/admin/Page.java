package io.gatehouse.authorize.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of a listing: the items, the page number (from 0), the page size and the total across all pages. */
public record Page<T>(@JsonProperty("items") List<T> items, @JsonProperty("page") int page, @JsonProperty("size") int size,
                      @JsonProperty("total") long total) {
}
