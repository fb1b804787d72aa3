package io.mlconnector.app.ops;

/**
 * One readiness check (database reachable, Concur token valid, Infor token valid...). Implementations answer quickly
 * and never throw; the pipeline plugs its token-state checks in through this interface.
 */
public interface HealthCheck {
    /** Short name shown in {@code /health/ready}, e.g. {@code database}, {@code concur-token}. */
    String name();

    Result check();

    /** Up or down, with a human-readable detail that never contains a secret. */
    record Result(boolean up, String detail) {
        public static Result up(String detail) {
            return new Result(true, detail);
        }

        public static Result down(String detail) {
            return new Result(false, detail);
        }
    }

    static HealthCheck of(String name, java.util.function.Supplier<Result> check) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result check() {
                try {
                    return check.get();
                } catch (RuntimeException e) {
                    return Result.down(e.getClass().getSimpleName());
                }
            }
        };
    }
}
