using FluentValidation;
using SharedServices.Core.Editing;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

/// <summary>A traded service: what is provided, by which party, to which.</summary>
public sealed class ServiceForm
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public int? ProviderId { get; set; }
    public int? RecipientId { get; set; }
    public string? Description { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? SourceDocument { get; set; }
    public string? SourceParagraph { get; set; }

    public static ServiceForm From(TradedService s) => new()
    {
        Id = s.Id, Name = s.Name, ProviderId = s.ProviderId, RecipientId = s.RecipientId, Description = s.Description,
        StartDate = s.StartDate, EndDate = s.EndDate, SourceDocument = s.Source?.Document, SourceParagraph = s.Source?.Paragraph,
    };
}

public sealed class ServiceFormValidator : FormValidator<ServiceForm>
{
    public ServiceFormValidator()
    {
        RuleFor(s => s.Name).NotEmpty().WithMessage("Enter the service's name.").MaximumLength(200);
        RuleFor(s => s.ProviderId).NotNull().WithMessage("Choose the provider.");
        RuleFor(s => s.RecipientId).NotNull().WithMessage("Choose the recipient.")
            .NotEqual(s => s.ProviderId).When(s => s.ProviderId is not null).WithMessage("The recipient must differ from the provider.");
        RuleFor(s => s.EndDate).GreaterThanOrEqualTo(s => s.StartDate).When(s => s.StartDate is not null && s.EndDate is not null)
            .WithMessage("The service cannot end before it starts.");
        RuleFor(s => s.Description).MaximumLength(2000);
        this.AddSourceRules(s => s.SourceDocument, s => s.SourceParagraph);
    }
}
