# portal in a container, for hosts that build sites in containers:
#
#   docker build -t portal .
#   docker run --rm -v "$PWD:/site" portal build --base-url https://example.org/
#
# Built from source with the Highlighting trait (the release archive has no code
# highlighting); the runtime image holds the binary and the shared libraries it
# loads: libcmark-gfm and KSyntaxHighlighting with its Qt 5 libraries.

FROM swift:6.3-noble AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libcmark-gfm-dev libcmark-gfm-extensions-dev libkf5syntaxhighlighting-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The whole package (SwiftPM wants every target's folder, tests included); .dockerignore
# leaves out .build/ and public/.
COPY . .
RUN swift build -c release --product portal --static-swift-stdlib \
 && install -D -m 755 "$(swift build -c release --product portal --static-swift-stdlib --show-bin-path)/portal" /out/portal \
 && strip /out/portal

FROM ubuntu:24.04
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 libkf5syntaxhighlighting5 ca-certificates git \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/portal /usr/local/bin/portal
WORKDIR /site
# `serve` in a container: listen on every interface and publish the port (-p 1313:1313).
EXPOSE 1313
ENTRYPOINT ["portal"]
CMD ["build"]
