using CareFlows.Engine.Definitions;

namespace CareFlows.Server.Definitions;

public sealed record DraftResult(DraftOutcome Outcome, int Revision, IReadOnlyList<DefinitionFault> Faults);
