namespace CareFlows.Server.Care;

/// <summary>The people who answer customers (configuration section "Team").</summary>
public sealed class TeamOptions
{
    public const string Section = "Team";

    /// <summary>Who can own a customer. Empty: nobody is assigned, and alerts go to <see cref="Address"/>.</summary>
    public List<TeamMember> Members { get; set; } = [];

    /// <summary>Where NotifyTeam steps with "to: team" (and alerts for a customer without an owner) go; empty uses Shop:SupportEmail.</summary>
    public string Address { get; set; } = "";

    /// <summary>The name the team signs with when no one owns the customer yet; empty uses Shop:Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>How soon a person answers a customer who is unhappy, as the rating page promises it.</summary>
    public int ReplyWithinHours { get; set; } = 24;

    /// <summary>A rating at or below this opens a case (a reply always does).</summary>
    public int CaseAtOrBelow { get; set; } = 2;
}

public sealed class TeamMember
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    /// <summary>Languages this person answers in ("en", "de"); a customer is given an owner who speaks theirs where one does.</summary>
    public List<string> Languages { get; set; } = [];
}
