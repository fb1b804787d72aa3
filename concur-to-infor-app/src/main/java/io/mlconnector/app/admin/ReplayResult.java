package io.mlconnector.app.admin;

import java.util.List;

/** What a replay did: the inbox rows (ESS event ids) put back to NEW. Empty when nothing was DEAD or retrying. */
public record ReplayResult(String key, List<String> replayedEventIds) {
    public boolean replayedAny() {
        return !replayedEventIds.isEmpty();
    }
}
