using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Simulation;
using CareFlows.Engine.Templates;

namespace CareFlows.Server.Definitions;

/// <summary>
/// Validation against this server's templates: a template must exist and be sound in every locale it has (each
/// fault comes back with its file, line and column), and expressions must evaluate against a sample model.
/// </summary>
public sealed class DefinitionValidation(TemplateChecker templates, IConfiguration configuration, TimeProvider clock)
{
    public ValidationContext Context()
    {
        var now = clock.GetUtcNow();
        var order = SampleOrder.Create(placedAt: now);
        var data = SampleOrder.Data(now);
        // Once per template and validation: a large flow sends the same few templates from many activities.
        var checkedTemplates = new Dictionary<string, IReadOnlyList<string>>();
        return new ValidationContext(name => checkedTemplates.TryGetValue(name, out var known) ? known : checkedTemplates[name] = TemplateFaults(name, now),
            ExpressionModel.For(order, 1, data, []))
        {
            MaxActivities = configuration.GetValue("Flows:MaxActivities", ValidationContext.DefaultMaxActivities),
        };
    }

    public CompileResult Compile(FlowDefinition definition) => FlowCompiler.Compile(definition, Context());

    private IReadOnlyList<string> TemplateFaults(string name, DateTimeOffset now) => templates.Exists(name)
        ? templates.Check(name, now).Select(fault => $"template '{name}': {fault}").ToList()
        : [$"unknown template '{name}' (no folder {name}/ under templates/)"];
}
