// Package fetchrun is what `oidcscope fetch` decides, apart from the
// command line: which tokens to request from the job's token endpoint and
// which policies each is checked against, the pipeline's options for each
// token, the combined verdict, the exit code and the step outputs. It sits
// beside actions (the endpoint client and the step files), which stays
// free of the pipeline and the policy providers.
package fetchrun
