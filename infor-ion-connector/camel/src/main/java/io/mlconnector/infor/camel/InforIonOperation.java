package io.mlconnector.infor.camel;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The operations an {@code infor-ion:} URI names. */
public enum InforIonOperation {
    /** Body JournalEntry, SupplierInvoice or Bod → posted through IMS; body becomes the PostResult. */
    POST_BOD("post-bod"),
    /** Body JournalEntry or SupplierInvoice → the Bod (not posted), e.g. to measure its size. */
    BUILD_BOD("build-bod"),
    /** Body JournalEntry, SupplierInvoice or Collection of AccountCode → ValidationResult. */
    VALIDATE("validate"),
    /** Any body → IonPingResult. */
    PING("ping"),
    /** Any body → List of accepted documentName values. */
    ACCEPTED_DOCUMENTS("accepted-documents"),
    /** Body SupplierInvoice → M3InvoiceResult (APS450MI REST path). */
    M3_ADD_SUPPLIER_INVOICE("m3-add-supplier-invoice");

    private final String uriName;

    InforIonOperation(String uriName) {
        this.uriName = uriName;
    }

    public String uriName() {
        return uriName;
    }

    public static InforIonOperation fromUri(String name) {
        return Arrays.stream(values()).filter(o -> o.uriName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown infor-ion operation '" + name + "'; known: "
                        + Arrays.stream(values()).map(InforIonOperation::uriName).collect(Collectors.joining(", "))));
    }
}
