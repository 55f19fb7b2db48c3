#!/usr/bin/env bash
# Starts CareFlows: its services (installed if missing), then the server, and prints where everything is.
# Ctrl+C stops the server; the services keep running (scripts/services.sh is safe to run again).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
url=${CAREFLOWS_URL:-http://127.0.0.1:5080}

scripts/services.sh
scripts/designer.sh
dotnet build CareFlows.sln -c Release -nologo -v quiet

cat <<MSG

  CareFlows          $url          (health: $url/health)
  Designer           $url/designer/ (sign in: admin / careflows-admin, from appsettings.json)
  Mail received      http://127.0.0.1:1080          (the SMTP sink's inbox)
  RabbitMQ           http://127.0.0.1:15672         (careflows / careflows)
  Replies mailbox    imap://127.0.0.1:1143          (careflows / careflows; customers' replies come back through it)

  Place a sample order:  dotnet run --project src/CareFlows.Cli -- publish-order --sample
                         dotnet run --project src/CareFlows.Cli -- publish-order --order samples/order.json

MSG
# Development: this is a developer's machine, with the shipped secrets. Anywhere else, see "Running in production".
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# The local Dovecot mailbox (scripts/services.sh) is where replies go and what CareFlows reads.
export Inbound__Host=${Inbound__Host:-127.0.0.1} Inbound__Port=${Inbound__Port:-1143} Inbound__Security=${Inbound__Security:-None}
export Inbound__Username=${Inbound__Username:-careflows} Inbound__Password=${Inbound__Password:-careflows}
export Email__ReplyTo=${Email__ReplyTo:-careflows@localhost}
exec dotnet run --project src/CareFlows.Server -c Release --no-build --no-launch-profile --urls "$url"
