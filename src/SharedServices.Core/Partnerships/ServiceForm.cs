using FluentValidation;
using SharedServices.Core.Editing;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

/// <summary>A traded service: what is provided, by which party, to which.</summary>
public sealed class ServiceForm
{
    /// <summary>The longest text each field takes, as the database stores it.</summary>
    public const int NameMaxLength = 200, DescriptionMaxLength = 2000;

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
        RuleFor(s => s.Name).NotEmpty().WithMessage("Service: enter the service's name.").MaxLength("Service", ServiceForm.NameMaxLength);
        RuleFor(s => s.ProviderId).NotNull().WithMessage("Provider: choose the provider.");
        RuleFor(s => s.RecipientId).NotNull().WithMessage("Recipient: choose the recipient.")
            .NotEqual(s => s.ProviderId).When(s => s.ProviderId is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("Recipient: choose an organisation other than the provider.");
        RuleFor(s => s.EndDate).GreaterThanOrEqualTo(s => s.StartDate).When(s => s.StartDate is not null && s.EndDate is not null)
            .WithMessage("End date: the service cannot end before it starts.");
        RuleFor(s => s.Description).MaxLength("Description", ServiceForm.DescriptionMaxLength);
        this.AddSourceRules(s => s.SourceDocument, s => s.SourceParagraph);
    }
}
