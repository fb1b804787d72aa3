package io.mlconnector.app.ops;

import io.mlconnector.app.store.Database;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The readiness checks: the database, plus whatever the pipeline registers (token state). Ready = all up. */
public final class Readiness {
    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    /** Readiness with the database check ({@code database}: a pooled connection answers a validity check). */
    public static Readiness withDatabase(Database database) {
        Readiness readiness = new Readiness();
        readiness.register(HealthCheck.of("database", () -> database.isReachable()
                ? HealthCheck.Result.up(database.dialect() + " reachable")
                : HealthCheck.Result.down(database.dialect() + " unreachable")));
        return readiness;
    }

    /** Adds a check, e.g. the Concur or Infor token state. */
    public Readiness register(HealthCheck check) {
        checks.add(check);
        return this;
    }

    /** Runs every check, in registration order. */
    public Map<String, HealthCheck.Result> evaluate() {
        Map<String, HealthCheck.Result> results = new LinkedHashMap<>();
        for (HealthCheck c : checks) {
            results.put(c.name(), c.check());
        }
        return results;
    }

    public static boolean allUp(Map<String, HealthCheck.Result> results) {
        return results.values().stream().allMatch(HealthCheck.Result::up);
    }
}
