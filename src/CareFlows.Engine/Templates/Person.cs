namespace CareFlows.Engine.Templates;

/// <summary>
/// A named person of the shop's team: the customer's owner, whose name signs the messages sent on their behalf and
/// whose address their replies go to. Templates read it as <c>owner.name</c>, <c>owner.email</c>, <c>owner.phone</c>.
/// </summary>
public sealed record Person(string Name, string Email, string Phone = "");
