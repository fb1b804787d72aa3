%dw 2.0
// A FIS expense document (get-fis-document's output) → one record per FIS journal row: the expense debit (net of
// reclaimable tax), the input-tax debit and the credit chosen by who paid whom. Every record balances by itself, so
// the batch job can cut the rows into BODs of any size and each BOD still balances.
// FIS fields: https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html
import mapping from dw::mapping
output application/java
var document = payload.document
var currency = document.report.employeeCurrencyAlphaCode
var entity = mapping::accountingEntity(payload.document.report.ledgerCode default "DEFAULT")
---
flatten(document.expenseEntry map (entry) ->
  flatten(entry.allocation map (allocation) ->
    allocation.journal map (journal) -> {
      fisDocumentId: payload.id,
      reportId: payload.businessId,
      accountingEntity: entity,
      currency: currency,
      lineId: entry.entryId ++ "-" ++ (allocation.allocationId default "1"),
      lines: [
        {
          glAccount: mapping::glAccount(trim(entry.expenseTypeCode), journal.journalAccountCode),
          costCenter: mapping::costCenter(allocation),
          side: "D",
          amount: journal.amountNetOfTax as Number
        },
        ({
          glAccount: mapping::inputTaxAccount,
          costCenter: null,
          side: "D",
          amount: journal.amountTax as Number
        }) if ((journal.amountTax default 0) as Number > 0),
        {
          glAccount: mapping::creditAccount(journal.journalPayer, journal.journalPayee),
          costCenter: null,
          side: "C",
          amount: journal.amountGross as Number
        }
      ]
    }
  )
)
