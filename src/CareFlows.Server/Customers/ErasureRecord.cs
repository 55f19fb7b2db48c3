namespace CareFlows.Server.Customers;

/// <summary>That an erasure happened, when, and what it removed: the answer to "did you delete my data?", without the data.</summary>
public sealed class ErasureRecord
{
    /// <summary>SHA-256 of the shop's customer id: whoever knows the id can find the record; the record does not reveal it.</summary>
    public string Id { get; set; } = "";
    public DateTimeOffset ErasedAt { get; set; }
    public int Orders { get; set; }
    public int Instances { get; set; }
    public int Messages { get; set; }
    public int Addresses { get; set; }
}
