package io.mlconnector.infor.api;

import java.util.List;

/**
 * What {@code ping} found.
 *
 * @param tokenObtained     the authorization server issued a token for the .ionapi credentials
 * @param imsReachable      IMS answered its ping with 2xx
 * @param acceptedDocuments documents the connection point accepts from fromLogicalId (empty when unknown)
 * @param problems          what is missing in the ION set-up, in plain words; empty when all is well
 */
public record IonPingResult(boolean tokenObtained, boolean imsReachable, List<String> acceptedDocuments,
                         List<String> problems) {

    public IonPingResult {
        acceptedDocuments = List.copyOf(acceptedDocuments);
        problems = List.copyOf(problems);
    }

    /** True when nothing is missing: a document can be posted. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
