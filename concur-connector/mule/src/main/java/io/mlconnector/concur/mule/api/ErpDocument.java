package io.mlconnector.concur.mule.api;

import org.mule.runtime.extension.api.annotation.param.Optional;
import org.mule.runtime.extension.api.annotation.param.Parameter;

import java.util.Objects;

/** An ERP document that holds (part of) a posting, reported to Concur in a success posting confirmation. */
public class ErpDocument {
    /** The ERP organisation unit, e.g. the Infor accounting entity (at most 32 characters). */
    @Parameter
    private String companyId;

    /** The ERP document number, e.g. the BODID or the M3 invoice batch (at most 80 characters). */
    @Parameter
    private String documentNumber;

    /** The fiscal year, e.g. {@code 2026}. */
    @Parameter
    @Optional
    private String fiscalYear;

    /** The ERP posting date, {@code yyyy-MM-dd}. */
    @Parameter
    @Optional
    private String postingDate;

    public ErpDocument() {
    }

    public ErpDocument(String companyId, String documentNumber, String fiscalYear, String postingDate) {
        this.companyId = companyId;
        this.documentNumber = documentNumber;
        this.fiscalYear = fiscalYear;
        this.postingDate = postingDate;
    }

    public String getCompanyId() { return companyId; }
    public String getDocumentNumber() { return documentNumber; }
    public String getFiscalYear() { return fiscalYear; }
    public String getPostingDate() { return postingDate; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErpDocument d && Objects.equals(companyId, d.companyId)
                && Objects.equals(documentNumber, d.documentNumber) && Objects.equals(fiscalYear, d.fiscalYear)
                && Objects.equals(postingDate, d.postingDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(companyId, documentNumber, fiscalYear, postingDate);
    }
}
