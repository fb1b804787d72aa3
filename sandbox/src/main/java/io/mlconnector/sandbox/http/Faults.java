package io.mlconnector.sandbox.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** A plan of faults for one simulator, switchable per test: each entry answers the next N matching requests. */
public final class Faults {
    private final List<Entry> plan = new ArrayList<>();

    /** The next {@code times} requests matching the fault's path get the fault. */
    public synchronized Faults inject(Fault fault, int times) {
        plan.add(new Entry(fault, times));
        return this;
    }

    /** The next matching request gets the fault. */
    public Faults inject(Fault fault) {
        return inject(fault, 1);
    }

    /** Every matching request gets the fault until {@link #clear()}. */
    public Faults always(Fault fault) {
        return inject(fault, Integer.MAX_VALUE);
    }

    public synchronized void clear() {
        plan.clear();
    }

    synchronized Optional<Fault> take(SimRequest request) {
        for (Iterator<Entry> it = plan.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.fault.matches(request)) {
                if (entry.remaining != Integer.MAX_VALUE && --entry.remaining == 0) {
                    it.remove();
                }
                return Optional.of(entry.fault);
            }
        }
        return Optional.empty();
    }

    private static final class Entry {
        final Fault fault;
        int remaining;

        Entry(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
