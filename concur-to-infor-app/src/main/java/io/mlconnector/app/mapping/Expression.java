package io.mlconnector.app.mapping;

import com.dashjoin.jsonata.Jsonata;

import java.math.BigDecimal;
import java.util.List;

/**
 * A compiled JSONata expression from the mapping file (the engine Camel's jsonata component uses). Evaluation is
 * serialised per expression because a compiled {@link Jsonata} keeps evaluation state in its fields: the last input
 * and the frames it was bound in stay referenced after {@code evaluate} returns, and the engine also remembers, per
 * thread, the expression it compiled last. A document's mapping therefore evaluates its own copies
 * ({@link #compiledAgain()}) and ends with {@link #forgetOnThisThread()}; otherwise the last document, converted to
 * Java maps, would stay in memory after its mapping.
 */
final class Expression {
    private final String source;
    private final Jsonata compiled;

    private Expression(String source, Jsonata compiled) {
        this.source = source;
        this.compiled = compiled;
    }

    /** @throws IllegalArgumentException with the JSONata error when the text does not compile */
    static Expression compile(String source) {
        try {
            return new Expression(source, Jsonata.jsonata(source));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid JSONata expression: " + e.getMessage(), e);
        }
    }

    String source() {
        return source;
    }

    /** Makes the engine drop this thread's reference to the expression it compiled last. */
    static void forgetOnThisThread() {
        Jsonata.jsonata("0");
    }

    /** The same expression compiled anew, with no state shared with this one. */
    Expression compiledAgain() {
        return compile(source);
    }

    /**
     * @return the result as text; {@code null} when the expression yields nothing (so table look-ups apply)
     * @throws IllegalStateException when evaluation fails or yields a list/object
     */
    String evaluateToText(Object input) {
        Object result;
        synchronized (this) {
            try {
                result = compiled.evaluate(input);
            } catch (RuntimeException e) {
                throw new IllegalStateException("expression '" + source + "' failed: " + e.getMessage(), e);
            }
        }
        if (result == null || result == Jsonata.NULL_VALUE) {
            return null;
        }
        if (result instanceof List<?> || result instanceof java.util.Map<?, ?>) {
            throw new IllegalStateException("expression '" + source + "' must give one text, gave " + result);
        }
        if (result instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return BigDecimal.valueOf(d).toBigInteger().toString();
        }
        String text = result.toString().trim();
        return text.isEmpty() ? null : text;
    }
}
