package aws

// Where AWS documents what the self-check and the known classes rely on:
// pages of the IAM User Guide, under docs.aws.amazon.com/IAM/latest/UserGuide/.
const (
	docOperators   = "reference_policies_elements_condition_operators.html"
	docMultiValued = "reference_policies_condition-single-vs-multi-valued-context-keys.html"
	docEvaluation  = "reference_policies_evaluation-logic.html"
	docCondition   = "reference_policies_elements_condition.html"
	docPrincipal   = "reference_policies_elements_principal.html"
	docVariables   = "reference_policies_variables.html"
	docWIFKeys     = "reference_policies_iam-condition-keys.html#condition-keys-wif"
)
