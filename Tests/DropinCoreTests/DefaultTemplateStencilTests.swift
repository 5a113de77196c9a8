@testable import DropinCore
import Mustache
import Testing

/// dropin's own templates must get stencils: pages and elements are otherwise rendered whole,
/// as right but several times slower.
struct DefaultTemplateStencilTests {
    @Test func everyPageElementAndIndexEntryOfTheExampleGetsAStencil() throws {
        let text = try String(contentsOf: Fixtures.repository.appendingPathComponent("dropin.yml"), encoding: .utf8)
        let manifest = try #require(try validate(text).manifest)
        let plan = Planner(catalog: .dwolla).plan(manifest)
        let templates = try #require(TemplateSet.load(overrides: nil, displayFolder: "").0)
        let elements = SharedPartials(templates: templates)
        let pages = PageStencils(templates: templates, parts: elements)
        var pageCount = 0
        for file in plan.files {
            guard case .template(.page(let context)) = file.content else { continue }
            pageCount += 1
            let whole = templates.libraryWithStandIns.render(elements.shown(.page(context)), withTemplate: TemplateSet.page)
            #expect(pages.text(of: context) == whole, "\(file.path)")
            for element in context.components {
                #expect(elements.stencil(for: element, by: TemplateSet.element) != nil, "\(element.shape.tag) in \(file.path)")
                #expect(elements.stencil(for: element, by: TemplateSet.indexElement) != nil, "\(element.shape.tag) in \(file.path)")
            }
        }
        #expect(pageCount == plan.pageCount)
        #expect(elements.entryStencil != nil)
    }
}
