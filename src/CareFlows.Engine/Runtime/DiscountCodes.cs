using System.Security.Cryptography;

namespace CareFlows.Engine.Runtime;

public static class DiscountCodes
{
    // Crockford's base32: no I, L, O or U, so a code read aloud or typed is not misread.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>PREFIX-XXXX-XXXX-XXXX-XXXX: 80 random bits, so codes cannot be guessed from one another.</summary>
    public static string New(string prefix) => Format(prefix, RandomNumberGenerator.GetBytes(10));

    /// <summary>Codes from a seeded sequence, for the simulator: the same run shows the same codes.</summary>
    public static Func<string, string> Seeded(int seed)
    {
        var random = new Random(seed);
        return prefix =>
        {
            var bytes = new byte[10];
            random.NextBytes(bytes);
            return Format(prefix, bytes);
        };
    }

    private static string Format(string prefix, byte[] bytes)
    {
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true);
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++, value >>= 5) chars[i] = Alphabet[(int)(value & 31)];
        var body = new string(chars);
        return $"{prefix.ToUpperInvariant()}-{body[..4]}-{body[4..8]}-{body[8..12]}-{body[12..]}";
    }
}
