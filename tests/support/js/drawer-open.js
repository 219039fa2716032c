// True once the navigation drawer (narrow screens) has slid into view.
() => document.querySelector(".md-sidebar--primary").getBoundingClientRect().left >= 0
