%dw 2.0
// The customer's mapping tables, as a DataWeave module: Concur codes → Infor accounts. It mirrors the Camel app's
// default-mapping.yaml (the sandbox chart: entities 100 and 200, GL 6100–6190, 2100 employee payables, 2110 card
// clearing, 2310 input VAT). An unknown expense type fails the mapping, so nothing lands on a wrong account.

var entitiesByLedger = { DEFAULT: "100", GP: "200" }
var glByExpenseType = {
  AIRFR: "6110", AIRFE: "6110", TRAIN: "6100", TAXIX: "6100", CARRT: "6120",
  LODNG: "6130", MEALS: "6140", BUSML: "6150", ENTMT: "6150", OFCSP: "6160"
}
var creditByPayerPayee = { "COMPANY/EMPLOYEE": "2100", "COMPANY/CBCP": "2110", "EMPLOYEE/COMPANY": "2100" }

var inputTaxAccount = "2310"

fun accountingEntity(ledgerCode: String): String =
  entitiesByLedger[ledgerCode] default fail("no Infor accounting entity for Concur ledger " ++ ledgerCode)

fun glAccount(expenseTypeCode: String, journalAccountCode: String | Null): String =
  glByExpenseType[expenseTypeCode] default journalAccountCode
    default fail("no Infor GL account for Concur expense type " ++ expenseTypeCode)

fun costCenter(allocation): String | Null = allocation.custom1.code default allocation.orgUnit1.code

fun creditAccount(payer: String, payee: String): String =
  creditByPayerPayee[payer ++ "/" ++ payee] default fail("no credit account for " ++ payer ++ " paying " ++ payee)
