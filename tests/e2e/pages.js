// pages.js — one page of every page type of the example site.
export const pages = [
  "/", "/kommun/boras/", "/forbund/sjuharad/", "/insats/sjuharad/aktiv-halsa/",
  "/kategori/forberedande/", "/forbund/sjuharad/ekonomi/2015/", "/sidor/om-portalen/",
  "/nyhetsbrev/", "/nyhetsbrev/2015-02-lokala-uppdragsteam/",
  "/nyhetsbrev/2015-02-lokala-uppdragsteam/epost.html", "/evenemang/",
  "/evenemang/2020-09-far-natverket/", "/dokument/", "/blanketter/remiss/",
  "/insats/sjuharad/aktiv-halsa/remiss/", "/tillganglighetsredogorelse/", "/personuppgifter/", "/sok/", "/404.html",
  "/kommun/boras/utskrift/",
  // issue 14: a preliminary year with a cost group, a year with financing only, an insats by year
  "/forbund/alv-och-kust/ekonomi/2021/", "/forbund/sjuharad/ekonomi/2016/", "/insats/alv-och-kust/samverkansteamet/",
  // issue 18: the plan documents, with their own text and with a budget only
  "/forbund/sjuharad/verksamhetsplan/2015/", "/forbund/alv-och-kust/verksamhetsplan/2020/",
];
