package io.mlconnector.app.store;

import java.util.List;

/**
 * One page of a list: {@code items} from position {@code offset}, at most {@code limit} of them, of {@code total}.
 */
public record Page<T>(List<T> items, int offset, int limit, long total) {
    /** The largest page a caller may ask for. */
    public static final int MAX_LIMIT = 200;

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    public boolean hasPrevious() {
        return offset > 0;
    }
}
