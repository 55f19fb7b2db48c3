namespace CareFlows.Server.Care;

/// <summary>The person who owns a customer: whoever first handled one of their cases, for every later case too.</summary>
public sealed class CustomerOwner
{
    /// <summary>The customer's id.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public DateTimeOffset AssignedAt { get; set; }
}
