# CareFlows server image. Build context: the repository root.
FROM node:20-bookworm-slim AS designer
WORKDIR /designer
COPY src/CareFlows.Designer/package.json src/CareFlows.Designer/package-lock.json ./
RUN npm install --no-save --no-audit --no-fund
COPY src/CareFlows.Designer/ ./
RUN npx vite build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY . .
# ReadyToRun, like scripts/publish.sh: compiled ahead of time for the image's platform, so a start does not wait for the JIT.
RUN rid=$([ "$TARGETARCH" = arm64 ] && echo linux-arm64 || echo linux-x64) && \
    dotnet publish src/CareFlows.Server -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY templates /app/templates
COPY workflows /app/workflows
COPY --from=designer /designer/dist /app/designer
ENV Designer__DistPath=/app/designer
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
# The .NET images ship an unprivileged "app" user (uid 1654); the server needs no root and writes nothing to disk.
USER app
ENTRYPOINT ["dotnet", "CareFlows.Server.dll"]
