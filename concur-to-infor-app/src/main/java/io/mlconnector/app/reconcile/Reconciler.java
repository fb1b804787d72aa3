package io.mlconnector.app.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.app.store.PeriodRecords;
import io.mlconnector.app.posting.PostingKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The arithmetic of the reconciliation, over what the store holds for one period: every document gets its outcome and
 * differences. No database here, so every rule can be read in one place.
 *
 * <p>A chunk counts as posted when ION accepted it or the ERP confirmed it and no reversal backed it out. A document's
 * posted amount is Σ of its posted GL chunks (each chunk's debits), compared with the document's journal as mapped
 * (Σ debits); an AP-only posting (M3 REST) is compared with the payable.
 */
final class Reconciler {
    private static final Set<ChunkState> POSTED = Set.of(ChunkState.ACCEPTED, ChunkState.ERP_CONFIRMED);

    private Reconciler() {
    }

    static List<DocumentReconciliation> reconcile(PeriodRecords records) {
        Map<String, Story> stories = stories(records);
        Map<String, List<LedgerEntry>> chunks = records.ledger().stream()
                .collect(Collectors.groupingBy(e -> e.plan().fisDocumentId(), LinkedHashMap::new, Collectors.toList()));
        Map<String, ConfirmationRecord> confirmations = new HashMap<>();
        records.confirmations().forEach(c -> confirmations.put(c.fisDocumentId(), c));
        List<DocumentReconciliation> documents = new ArrayList<>();
        for (Story story : stories.values()) {
            documents.add(reconcile(story, chunks.getOrDefault(story.documentId, List.of()),
                    Optional.ofNullable(story.documentId).map(confirmations::get)));
        }
        return postedTwiceUnderAnotherDocument(documents);
    }

    /** What the audit trail tells about each document of the period, keyed by FIS document id (or event). */
    private static Map<String, Story> stories(PeriodRecords records) {
        Map<String, List<AuditEntry>> byEvent = records.audit().stream()
                .collect(Collectors.groupingBy(e -> e.keys().essEventId(), LinkedHashMap::new, Collectors.toList()));
        Map<String, Story> stories = new LinkedHashMap<>();
        Map<String, Story> byBusinessId = new HashMap<>();
        List<PeriodRecords.Event> unfetched = new ArrayList<>();
        for (PeriodRecords.Event event : records.events()) {
            List<AuditEntry> steps = byEvent.getOrDefault(event.essEventId(), List.of());
            Optional<AuditEntry> fetched = last(steps, AuditStep.DOCUMENT_FETCHED);
            if (fetched.isEmpty()) {
                if (steps.stream().noneMatch(e -> AuditStep.IGNORED.equals(e.step()))) {
                    unfetched.add(event);
                }
                continue;
            }
            String documentId = fetched.get().keys().fisDocumentId();
            Story story = stories.computeIfAbsent(documentId, id -> new Story(id, event.receivedAt()));
            story.read(steps, event);
            if (story.businessId != null) {
                byBusinessId.putIfAbsent(story.businessId, story);
            }
        }
        for (PeriodRecords.Event event : unfetched) {
            Story known = event.businessId() == null ? null : byBusinessId.get(event.businessId());
            if (known == null) {
                Story story = stories.computeIfAbsent("event:" + event.essEventId(), k -> new Story(null, event.receivedAt()));
                story.businessId = event.businessId();
                story.lastEvent = event;
            }
        }
        return stories;
    }

    private static DocumentReconciliation reconcile(Story story, List<LedgerEntry> chunks,
                                                    Optional<ConfirmationRecord> confirmation) {
        List<LedgerEntry> postings = chunks.stream().filter(c -> !c.plan().kind().backsOut()).toList();
        List<LedgerEntry> posted = postings.stream().filter(c -> POSTED.contains(c.state())).toList();
        List<Difference> differences = new ArrayList<>();
        differences.addAll(postedTwice(posted));
        differences.addAll(missingChunks(postings, posted));
        BigDecimal postedAmount = postedAmount(posted);
        amountMismatch(story, postings, posted, postedAmount).ifPresent(differences::add);
        DocumentOutcome outcome = outcome(story, posted, confirmation);
        switch (outcome) {
            case CONFIRMED, POSTED, RECALLED -> {
            }
            case POSTED_UNCONFIRMED -> differences.add(new Difference(DifferenceKind.POSTED_NOT_CONFIRMED,
                    posted.size() + " chunk(s) posted; Concur's posting confirmation "
                            + confirmation.map(c -> "is " + c.outcome() + " " + c.state()).orElse("was never decided")));
            case ERROR_CONFIRMED -> differences.add(new Difference(DifferenceKind.ERROR_CONFIRMED,
                    Objects.requireNonNullElse(confirmation.orElseThrow().detail(), "error confirmation sent")
                            + (posted.isEmpty() ? "" : "; yet " + posted.size() + " chunk(s) stay posted")));
            case NOT_POSTED -> differences.add(new Difference(DifferenceKind.SEEN_NOT_POSTED, whyNotPosted(story)));
        }
        return new DocumentReconciliation(story.documentId, story.businessId, story.docType, story.accountingEntity,
                story.currency, story.madeReadyAt, story.concurAmount, story.journalAmount,
                posted.isEmpty() ? BigDecimal.ZERO : postedAmount, posted.size(), planned(postings), outcome,
                differences);
    }

    private static DocumentOutcome outcome(Story story, List<LedgerEntry> posted, Optional<ConfirmationRecord> confirmation) {
        if (confirmation.map(c -> c.outcome() == ConfirmationRecord.Outcome.ERROR).orElse(false)) {
            return DocumentOutcome.ERROR_CONFIRMED;
        }
        if (posted.isEmpty()) {
            return story.recalled ? DocumentOutcome.RECALLED : DocumentOutcome.NOT_POSTED;
        }
        if (!story.confirmable) {
            return DocumentOutcome.POSTED;
        }
        boolean confirmed = confirmation.map(c -> c.outcome() == ConfirmationRecord.Outcome.SUCCESS
                && c.state() == ConfirmationRecord.State.SENT).orElse(false);
        return confirmed ? DocumentOutcome.CONFIRMED : DocumentOutcome.POSTED_UNCONFIRMED;
    }

    private static String whyNotPosted(Story story) {
        if (story.rejection != null) {
            return "rejected (" + story.rejection + ")";
        }
        PeriodRecords.Event event = story.lastEvent;
        if (event == null) {
            return "no posted chunk";
        }
        String state = switch (event.state()) {
            case NEW, IN_PROGRESS -> "still in progress";
            case FAILED_RETRYING -> "failing, retrying";
            case DEAD -> "dead-lettered";
            case DONE -> "done without a posted chunk";
            case IGNORED -> "ignored";
        };
        return event.lastError() == null ? state : state + ": " + event.lastError();
    }

    /** Two posted chunks of one kind and number, or posted chunks of two different plans of one kind. */
    private static List<Difference> postedTwice(List<LedgerEntry> posted) {
        List<Difference> differences = new ArrayList<>();
        Map<String, List<LedgerEntry>> byPart = posted.stream().collect(Collectors.groupingBy(
                c -> c.plan().kind() + " chunk " + c.plan().chunkNo(), TreeMap::new, Collectors.toList()));
        byPart.forEach((part, copies) -> {
            if (copies.size() > 1) {
                differences.add(new Difference(DifferenceKind.POSTED_TWICE, part + " posted " + copies.size()
                        + " times: " + copies.stream().map(LedgerEntry::messageId).collect(Collectors.joining(", "))));
            }
        });
        Map<PostingKind, Set<Integer>> counts = new TreeMap<>();
        posted.forEach(c -> counts.computeIfAbsent(c.plan().kind(), k -> new TreeSet<>()).add(c.plan().chunkCount()));
        counts.forEach((kind, plans) -> {
            if (plans.size() > 1) {
                differences.add(new Difference(DifferenceKind.POSTED_TWICE, kind + " posted under " + plans.size()
                        + " different plans (" + plans.stream().map(n -> n + " chunks").collect(Collectors.joining(", "))
                        + ")"));
            }
        });
        return differences;
    }

    /** Some chunk of a kind is posted while another chunk of that plan is not. */
    private static List<Difference> missingChunks(List<LedgerEntry> postings, List<LedgerEntry> posted) {
        List<Difference> differences = new ArrayList<>();
        for (PostingKind kind : PostingKind.values()) {
            List<LedgerEntry> postedOfKind = posted.stream().filter(c -> c.plan().kind() == kind).toList();
            if (postedOfKind.isEmpty()) {
                continue;
            }
            int count = postedOfKind.stream().mapToInt(c -> c.plan().chunkCount()).max().orElse(0);
            for (int n = 1; n <= count; n++) {
                int number = n;
                if (postedOfKind.stream().noneMatch(c -> c.plan().chunkNo() == number)) {
                    String state = postings.stream().filter(c -> c.plan().kind() == kind && c.plan().chunkNo() == number)
                            .map(c -> c.state().name()).findFirst().orElse("never planned");
                    differences.add(new Difference(DifferenceKind.MISSING_CHUNK,
                            kind + " chunk " + number + " of " + count + " is not posted (" + state + ")"));
                }
            }
        }
        return differences;
    }

    /** GL chunks against the journal's debits; an AP-only posting against the payable. */
    private static Optional<Difference> amountMismatch(Story story, List<LedgerEntry> postings, List<LedgerEntry> posted,
                                                       BigDecimal postedAmount) {
        if (posted.isEmpty()) {
            return Optional.empty();
        }
        PostingKind carrier = amountKind(postings);
        BigDecimal expected = switch (carrier) {
            case GL -> story.journalAmount;
            case AP -> story.payableAmount;
            case REVERSAL -> throw carrier.notAChunkKind();
        };
        String what = switch (carrier) {
            case GL -> "journal";
            case AP -> "payable";
            case REVERSAL -> throw carrier.notAChunkKind();
        };
        if (expected == null) {
            return Optional.of(new Difference(DifferenceKind.AMOUNT_MISMATCH, "posted " + Money.format(postedAmount)
                    + " but the document's mapped " + what + " is not on record"));
        }
        if (expected.compareTo(postedAmount) == 0) {
            return Optional.empty();
        }
        return Optional.of(new Difference(DifferenceKind.AMOUNT_MISMATCH, "posted " + Money.format(postedAmount)
                + " " + story.currency + " but the document's " + what + " is "
                + Money.format(expected) + " (difference " + Money.format(postedAmount.subtract(expected)) + ")"));
    }

    private static BigDecimal postedAmount(List<LedgerEntry> posted) {
        PostingKind counted = amountKind(posted);
        return posted.stream().filter(c -> c.plan().kind() == counted).map(c -> c.plan().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The kind whose amounts stand for the document: the GL journal when it has one, else the AP invoice (M3). */
    private static PostingKind amountKind(List<LedgerEntry> entries) {
        return entries.stream().map(c -> c.plan().kind()).filter(kind -> amountRank(kind) >= 0)
                .min(Comparator.comparingInt(Reconciler::amountRank)).orElse(PostingKind.AP);
    }

    /** Lower ranks win in {@link #amountKind}; a reversal never stands for the document. */
    private static int amountRank(PostingKind kind) {
        return switch (kind) {
            case GL -> 0;
            case AP -> 1;
            case REVERSAL -> -1;
        };
    }

    private static int planned(List<LedgerEntry> postings) {
        return (int) postings.stream().map(c -> c.plan().kind() + "/" + c.plan().chunkNo()).distinct().count();
    }

    /** A Concur report posted under a second FIS document while the first stays posted is posted twice. */
    private static List<DocumentReconciliation> postedTwiceUnderAnotherDocument(List<DocumentReconciliation> documents) {
        Map<String, String> firstPosted = new HashMap<>();
        List<DocumentReconciliation> result = new ArrayList<>();
        for (DocumentReconciliation d : documents) {
            boolean posted = d.chunksPosted() > 0 && d.outcome() != DocumentOutcome.ERROR_CONFIRMED;
            String earlier = posted && d.businessId() != null ? firstPosted.putIfAbsent(d.businessId(), d.documentId())
                    : null;
            if (earlier == null || earlier.equals(d.documentId())) {
                result.add(d);
                continue;
            }
            List<Difference> differences = new ArrayList<>(d.differences());
            differences.add(new Difference(DifferenceKind.POSTED_TWICE, "report " + d.businessId()
                    + " is also posted under document " + earlier));
            result.add(new DocumentReconciliation(d.documentId(), d.businessId(), d.docType(), d.accountingEntity(),
                    d.currency(), d.madeReadyAt(), d.concurAmount(), d.journalAmount(), d.postedAmount(),
                    d.chunksPosted(), d.chunksPlanned(), d.outcome(), differences));
        }
        return result;
    }

    private static Optional<AuditEntry> last(List<AuditEntry> steps, String step) {
        AuditEntry found = null;
        for (AuditEntry e : steps) {
            if (step.equals(e.step())) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** One document as its audit entries tell it. */
    private static final class Story {
        final String documentId;
        final Instant madeReadyAt;
        String businessId;
        String docType;
        String currency;
        String accountingEntity;
        BigDecimal concurAmount;
        BigDecimal journalAmount;
        BigDecimal payableAmount;
        boolean recalled;
        /** FIS documents get a posting confirmation; the Expense v4 and Invoice v3 paths have none. */
        boolean confirmable = true;
        String rejection;
        PeriodRecords.Event lastEvent;

        Story(String documentId, Instant madeReadyAt) {
            this.documentId = documentId;
            this.madeReadyAt = madeReadyAt;
        }

        void read(List<AuditEntry> steps, PeriodRecords.Event event) {
            lastEvent = event;
            for (AuditEntry e : steps) {
                JsonNode detail = e.detail();
                switch (e.step()) {
                    case AuditStep.DOCUMENT_FETCHED -> {
                        businessId = text(detail, "businessId", businessId);
                        docType = text(detail, "docType", docType);
                        currency = text(detail, "currency", currency);
                        concurAmount = decimal(detail, "amount", concurAmount);
                        confirmable = !detail.hasNonNull("source");
                    }
                    case AuditStep.MAPPED -> {
                        accountingEntity = text(detail, "accountingEntity", accountingEntity);
                        currency = text(detail, "currency", currency);
                        journalAmount = decimal(detail, "debits", journalAmount);
                        payableAmount = decimal(detail, "payable", payableAmount);
                    }
                    case AuditStep.RECALLED -> recalled = true;
                    case AuditStep.REJECTED -> rejection = text(detail, "reason", "rejected")
                            + (detail.path("codes").isEmpty() ? "" : " " + detail.path("codes").toString());
                    default -> {
                    }
                }
            }
        }

        private static String text(JsonNode detail, String field, String otherwise) {
            JsonNode value = detail.path(field);
            return value.isTextual() && !value.asText().isEmpty() ? value.asText() : otherwise;
        }

        private static BigDecimal decimal(JsonNode detail, String field, BigDecimal otherwise) {
            JsonNode value = detail.path(field);
            if (value.isNumber()) {
                return value.decimalValue();
            }
            return value.isTextual() && !value.asText().isBlank() ? new BigDecimal(value.asText()) : otherwise;
        }
    }
}
