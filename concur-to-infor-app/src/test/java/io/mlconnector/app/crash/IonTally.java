package io.mlconnector.app.crash;

import io.mlconnector.sandbox.infor.ImsMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What ION received, grouped by the sender's messageId. A messageId received more than once is a re-send of a chunk
 * that was in doubt (sent, but its acceptance not yet recorded when the app died): the BOD path's guarantee is that
 * such a re-send is the same message, byte for byte apart from {@code CreationDateTime} (BodEnvelope), so the receiver
 * can drop it by the source messageId ION keeps
 * (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/cyj1654168822304.html).
 */
record IonTally(Map<String, List<ImsMessage>> byMessageId) {
    private static final Pattern CREATION_DATE_TIME = Pattern.compile("<CreationDateTime>[^<]*</CreationDateTime>");

    static IonTally of(List<ImsMessage> messages) {
        return new IonTally(messages.stream().collect(Collectors.groupingBy(ImsMessage::messageId,
                LinkedHashMap::new, Collectors.toList())));
    }

    /** messageIds ION received more than once. */
    Map<String, Integer> resent() {
        Map<String, Integer> resent = new LinkedHashMap<>();
        byMessageId.forEach((id, copies) -> {
            if (copies.size() > 1) {
                resent.put(id, copies.size());
            }
        });
        return resent;
    }

    /** How many messages ION received beyond the first of each messageId. */
    int duplicateMessages() {
        return byMessageId.values().stream().mapToInt(copies -> copies.size() - 1).sum();
    }

    /** messageIds whose copies differ in anything but CreationDateTime (must be none). */
    List<String> resentWithDifferentContent() {
        return byMessageId.entrySet().stream()
                .filter(e -> e.getValue().stream().map(IonTally::withoutCreationDateTime).distinct().count() > 1)
                .map(Map.Entry::getKey).toList();
    }

    static String withoutCreationDateTime(ImsMessage message) {
        return CREATION_DATE_TIME.matcher(message.payloadString()).replaceAll("<CreationDateTime/>")
                + "|" + message.documentName() + "|" + message.documentId() + "|" + message.accountingEntity();
    }
}
