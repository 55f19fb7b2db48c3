using System.Security.Cryptography;
using System.Text;

namespace CareFlows.Server.Hosting;

/// <summary>
/// Stream ids derived from what makes a stream unique, so a duplicate message finds the stream the first one made
/// instead of starting another.
/// </summary>
public static class StableGuid
{
    // RFC 4122 version 5 layout (SHA-1 of the name) without a namespace: stable across processes and releases.
    public static Guid From(string name)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
