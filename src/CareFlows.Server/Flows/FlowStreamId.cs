using System.Security.Cryptography;
using System.Text;

namespace CareFlows.Server.Flows;

/// <summary>
/// A flow instance's stream id is derived from what makes it unique (the flow and the order), so a
/// duplicate OrderPlaced collides with the stream the first one started instead of starting another.
/// </summary>
public static class FlowStreamId
{
    public static Guid For(string flowId, string orderId) => NameBasedGuid($"flow:{flowId}|order:{orderId}");

    // RFC 4122 version 5 layout (SHA-1 of the name) without a namespace: stable across processes and releases.
    private static Guid NameBasedGuid(string name)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
