using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Simulation;
using CareFlows.Engine.Templates;

namespace CareFlows.Server.Definitions;

/// <summary>
/// Validation against this server's templates: a template must exist and render for a sample order (a syntax
/// error comes back with its file, line and column), and expressions must evaluate against a sample model.
/// </summary>
public sealed class DefinitionValidation(TemplateCatalog catalog, MessageRenderer renderer, TimeProvider clock)
{
    public ValidationContext Context()
    {
        var order = SampleOrder.Create(placedAt: clock.GetUtcNow());
        var data = SampleOrder.Data(clock.GetUtcNow());
        return new ValidationContext(name => TemplateFaults(name, order, data), ExpressionModel.For(order, 1, data, []));
    }

    public CompileResult Compile(FlowDefinition definition) => FlowCompiler.Compile(definition, Context());

    private IReadOnlyList<string> TemplateFaults(string name, CareFlows.Contracts.Orders.OrderPlaced order, IReadOnlyDictionary<string, object?> data)
    {
        if (!catalog.Exists(name)) return [$"unknown template '{name}' (no folder {name}/ under templates/)"];
        try
        {
            renderer.Render(name, order, data);
            return [];
        }
        catch (TemplateInvalidException e) { return e.Errors.Select(error => $"template '{name}': {error}").ToList(); }
        catch (TemplateNotFoundException e) { return [$"template '{name}': {e.Message}"]; }
    }
}
