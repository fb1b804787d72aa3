%dw 2.0
// One chunk of balanced rows (the batch aggregator's records) → Sync.SourceSystemJournalEntry, as the connector's
// Java BOD writer builds it: unsigned amounts with a DebitCreditFlag, the GL account as GLNominalAccount, the cost
// center as the first DimensionCode (the OAGIS SourceSystemJournalEntry noun that ION routes to the ERP).
output application/xml encoding="UTF-8"
var first = payload[0]
var documentId = first.reportId ++ "-" ++ vars.chunkId
---
SyncSourceSystemJournalEntry @(releaseID: "9.2", versionID: "2.9.0"): {
  ApplicationArea: {
    Sender: {
      LogicalID: p('infor.fromLogicalId'),
      ComponentID: "ml-connector",
      ConfirmationCode: "OnError"
    },
    CreationDateTime: now() as String {format: "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"},
    BODID: "infor-nid:" ++ first.accountingEntity ++ "::" ++ documentId ++ ":0?SourceSystemJournalEntry&verb=Sync"
  },
  DataArea: {
    Sync: {
      AccountingEntityID: first.accountingEntity,
      ActionCriteria: { ActionExpression @(actionCode: "Add"): null }
    },
    SourceSystemJournalEntry: {
      JournalEntryHeader: {
        JournalID @(accountingEntity: first.accountingEntity, variationID: "1"): documentId,
        DisplayID: documentId,
        BaseJournalEntryHeader: { LedgerType: "Actual", JournalStatus: { Code: "Final" } }
      },
      (flatten(payload map $.lines) map (line, index) -> {
        JournalEntryLine @(sequence: index + 1): {
          Amount @(currencyID: first.currency): line.amount,
          GLAccount: { GLNominalAccount: line.glAccount },
          (DimensionCodes: {
            DimensionCode @(sequence: "1", listID: "CostCenter"): line.costCenter
          }) if (line.costCenter != null),
          DebitCreditFlag: line.side,
          TransactionReferenceText: first.reportId,
          Description: first.lineId
        }
      })
    }
  }
}
