using CareFlows.Engine.Definitions;

namespace CareFlows.Server.Definitions;

public sealed record PublishOutcome(bool Published, int? Version, IReadOnlyList<DefinitionFault> Faults);
