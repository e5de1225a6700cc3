# The release container image (dockers_v2 in .goreleaser.yaml): the release
# binary on a small base that ships the CA certificates key discovery needs.
# Nothing runs at build time, so no emulation is needed for arm64.
# GoReleaser puts each platform's binaries at $TARGETPLATFORM/; oidcscope
# finds its CEL helper, oidcscope-cel, beside itself.
FROM alpine:3.22
ARG TARGETPLATFORM
COPY $TARGETPLATFORM/oidcscope $TARGETPLATFORM/oidcscope-cel /usr/bin/
USER 65532:65532
ENTRYPOINT ["/usr/bin/oidcscope"]
