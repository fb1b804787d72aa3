package io.mlconnector.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * The pipeline's meters. Prometheus names (after Micrometer's conversion) are given per method; {@code /metrics}
 * serves them through {@link #scrape()}.
 */
public final class Metrics {
    private final MeterRegistry registry;

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics on a fresh Prometheus registry. */
    public static Metrics prometheus() {
        return new Metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** {@code mlconnector_events_received_total{topic}}: verified webhook events stored in the inbox. */
    public void eventReceived(String topic) {
        Counter.builder("mlconnector.events.received").description("Verified ESS events stored in the inbox")
                .tag("topic", topic).register(registry).increment();
    }

    /** {@code mlconnector_events_duplicate_total}: deliveries of an ESS event id already in the inbox. */
    public void duplicateDelivery() {
        Counter.builder("mlconnector.events.duplicate").description("Duplicate ESS deliveries (answered, not re-processed)")
                .register(registry).increment();
    }

    /** {@code mlconnector_events_quarantined_total}: malformed or unverifiable deliveries kept in quarantine. */
    public void quarantined() {
        Counter.builder("mlconnector.events.quarantined").description("Deliveries refused and kept in quarantine")
                .register(registry).increment();
    }

    /**
     * {@code mlconnector_events_refused_not_kept_total}: unsigned or badly signed deliveries answered but not kept,
     * because their sender went over the per-address rate limit.
     */
    public void refusedNotKept() {
        Counter.builder("mlconnector.events.refused.not.kept")
                .description("Refused deliveries not kept: the sender exceeded the quarantine rate limit")
                .register(registry).increment();
    }

    /** {@code mlconnector_documents_posted_total{doc_type}}: documents whose every chunk was accepted. */
    public void documentPosted(String docType) {
        Counter.builder("mlconnector.documents.posted").description("Documents fully posted to Infor")
                .tag("doc_type", docType).register(registry).increment();
    }

    /** {@code mlconnector_documents_failed_total{reason}}: documents that ended with an error confirmation. */
    public void documentFailed(String reason) {
        Counter.builder("mlconnector.documents.failed").description("Documents that failed (error confirmation)")
                .tag("reason", reason).register(registry).increment();
    }

    /** {@code mlconnector_chunk_latency_seconds}: send → accepted time of one chunk. */
    public void chunkLatency(Duration latency) {
        chunkTimer().record(latency);
    }

    private Timer chunkTimer() {
        return Timer.builder("mlconnector.chunk.latency").description("Time from sending a chunk to ION accepting it")
                .publishPercentileHistogram().register(registry);
    }

    /** {@code mlconnector_erp_answers_total{outcome}}: ERP answers applied (accepted, rejected, repeated, unmatched). */
    public void erpAnswer(String outcome) {
        Counter.builder("mlconnector.erp.answers").description("ERP answers (Acknowledge/ConfirmBOD) pushed by ION")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** {@code mlconnector_erp_no_answer_total}: chunks the ERP did not answer within infor.erp-answer-timeout. */
    public void erpNoAnswer() {
        Counter.builder("mlconnector.erp.no.answer").description("Chunks without an ERP answer in time")
                .register(registry).increment();
    }

    /** {@code mlconnector_ion_throttled_total}: HTTP 429 answers from the ION API gateway. */
    public void ionThrottled() {
        Counter.builder("mlconnector.ion.throttled").description("HTTP 429 answers from ION").register(registry).increment();
    }

    /** HTTP 429 answers from ION counted since start (0 before the first). */
    public double ionThrottledCount() {
        var counter = registry.find("mlconnector.ion.throttled").counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * {@code mlconnector_inbox_depth}: unfinished inbox rows, read from {@code source} at each scrape (NaN when the
     * database cannot answer).
     */
    public <T> void inboxDepth(T source, ToLongFunction<T> depth) {
        Gauge.builder("mlconnector.inbox.depth", source, s -> {
            try {
                return depth.applyAsLong(s);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description("Unfinished inbox rows (NEW, IN_PROGRESS, FAILED_RETRYING)").register(registry);
    }

    /** The Prometheus text exposition, or an error if the registry is not a Prometheus one. */
    public String scrape() {
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return prometheus.scrape();
        }
        throw new IllegalStateException("metrics registry is not a PrometheusMeterRegistry");
    }
}
